package io.flowhub.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class (or, with {@link Scope#SUITE}, every class of the run that shares it) its own
 * FlowHub run id; test constructors, methods and lifecycle methods that take a
 * {@code FlowHubClient} get one whose calls carry it ({@code X-FlowHub-Run}), so everything the
 * tests create belongs to the run. After the class (or suite) the run is cleaned up — exactly what
 * it created, whoever created it — and the class fails if anything of it is left.
 *
 * <p>Where an attribute is left empty, the JUnit configuration parameter, then the environment
 * variable, then the default applies: {@code flowhub.url} / {@code FLOWHUB_URL} /
 * {@code http://localhost:8080}; {@code flowhub.internal-key} / {@code FLOWHUB_INTERNAL_KEY} / the
 * built-in development key.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FlowHubRunExtension.class)
public @interface FlowHubRun {

    /** Where the gateway listens. */
    String url() default "";

    /** The internal key the cleanup is made with. */
    String internalKey() default "";

    /** True (the default) to remove the run's items and their files for good; false to soft-delete them. */
    boolean hardDelete() default true;

    /**
     * The run's lease, renewed while the run lives: if the test JVM is killed before the run's cleanup, the lease
     * runs out this long after its last renewal and cleanup-worker cleans the run up. 0 for no lease.
     */
    int leaseSeconds() default 600;

    /** Whose run id: one per test class (the default), or one for every class of the test run that says so. */
    Scope scope() default Scope.CLASS;

    /** True to leave the run's data in place when a test failed, to look at it; its run id is logged. */
    boolean keepOnFailure() default false;

    /** What the run id starts with; the class's simple name when empty. */
    String prefix() default "";

    /** The reach of one run id. */
    enum Scope {
        /** Each test class has its own, cleaned up after the class. */
        CLASS,
        /** The classes of one test run share one, cleaned up once after all of them. */
        SUITE
    }
}
