package no.samhandling.discharge.codes;

import java.util.Arrays;
import java.util.Optional;

/** An enumeration whose JSON and database form is a lower-kebab code (conventions.md). */
public interface Coded {

    String code();

    /** The constant with this code, or empty: the one mapping from code to enum. */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.code().equals(code)).findFirst();
    }
}
