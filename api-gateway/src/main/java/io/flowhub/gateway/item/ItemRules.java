package io.flowhub.gateway.item;

import io.flowhub.events.Tags;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** The rules an item's texts and tags follow wherever they arrive: created, in a batch, or changed. */
final class ItemRules {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2_000;

    private ItemRules() {
    }

    /** An item's name, when given: a visible character at least, at most {@value #MAX_NAME} characters. */
    @Pattern(regexp = ItemTexts.VISIBLE,
            message = "name must contain a visible character, not only blanks or control characters")
    @Size(max = MAX_NAME, message = "name must be at most {max} characters")
    @Constraint(validatedBy = {})
    @Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
    @Retention(RUNTIME)
    @interface Name {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** An item's description, when given: at most {@value #MAX_DESCRIPTION} characters. */
    @Size(max = MAX_DESCRIPTION, message = "description must be at most {max} characters")
    @Constraint(validatedBy = {})
    @Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
    @Retention(RUNTIME)
    @interface Description {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A list of tags: at most {@link Tags#MAX_TAGS}. */
    @Size(max = Tags.MAX_TAGS, message = "at most {max} tags are allowed")
    @Constraint(validatedBy = {})
    @Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
    @Retention(RUNTIME)
    @interface TagList {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** One tag of such a list: at most {@link Tags#MAX_LENGTH} characters. */
    @Size(max = Tags.MAX_LENGTH, message = "a tag must be at most {max} characters")
    @Constraint(validatedBy = {})
    @Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
    @Retention(RUNTIME)
    @interface Tag {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
