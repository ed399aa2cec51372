package io.flowhub.gateway.system;

/**
 * A list's {@code limit} parameter: {@code byDefault} when it is left out, a 400 naming the range when it is outside
 * 1 to {@code most}.
 */
public record PageLimit(int byDefault, int most) {

    /** @throws BadRequestException when the given limit is below 1 or above {@link #most()} */
    public int of(Integer given) {
        int count = given == null ? byDefault : given;
        if (count < 1 || count > most) {
            throw new BadRequestException("limit must be from 1 to " + most + ", not " + count);
        }
        return count;
    }
}
