# One image recipe for the three services: docker build --build-arg SERVICE=api-gateway .
FROM eclipse-temurin:21-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl ${SERVICE} -am package \
    && cp ${SERVICE}/target/${SERVICE}-*-exec.jar /app.jar

FROM eclipse-temurin:21-jre
COPY --from=build /app.jar /app/app.jar
# why: the files volume docker-compose.yml mounts here takes this directory's owner when it is first created, so the
# service, which runs as 10001, may write to it
RUN mkdir -p /var/lib/flowhub/files && chown 10001 /var/lib/flowhub/files
USER 10001
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
