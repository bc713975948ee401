package no.samhandling.discharge.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import no.samhandling.discharge.codes.Coded;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads query parameters as the contract documents them: an enumeration by its lower-kebab code
 * ({@code ?status=awaiting-municipality}), numbers and ids as such. A value that cannot be read is a
 * 400 problem naming the parameter, not the 404 that JAX-RS prescribes for an unreadable query parameter.
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum() && Coded.class.isAssignableFrom(rawType)) {
            return (ParamConverter<T>) coded(name, (Class) rawType);
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "must be a whole number");
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf, "must be a whole number");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUID::fromString, "must be an id (UUID, e.g. 3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f)");
        }
        return null;
    }

    private static <E extends Enum<E> & Coded> ParamConverter<E> coded(String name, Class<E> type) {
        String codes = Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
        return new ParamConverter<>() {
            @Override
            public E fromString(String value) {
                if (value == null) {
                    return null;
                }
                return Coded.find(type, value).orElseThrow(() -> invalid(name, "must be one of " + codes));
            }

            @Override
            public String toString(E value) {
                return value.code();
            }
        };
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String rule) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException e) {
                    throw invalid(name, rule);
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static ProblemException invalid(String name, String rule) {
        return ProblemException.invalid(List.of(new Problem.FieldError(name, rule)));
    }

    private static String queryParameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        return Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value())
                .findFirst().orElse(null);
    }
}
