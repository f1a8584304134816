package dev.primer.cluster;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A record in a form Spark can ship (Java serialization): the project's configs and results are records holding
 * {@link Path}s and {@link Optional}s, which are not serializable. Components are carried by value (paths as absolute
 * strings, resolved where the record was packed, since an executor's working directory is not the driver's; optionals
 * as nullable values; nested records and lists of them recursively) and the record is rebuilt through its canonical
 * constructor, so its checks run again where it lands.
 *
 * @param type   the record's class name
 * @param values its components, in declaration order, in portable form
 */
public record Portable(String type, List<Object> values) implements Serializable {
    /** A path by its absolute string. */
    private record PathValue(String path) implements Serializable {
    }

    /** An optional by its value, null when empty. */
    private record OptionalValue(Object value) implements Serializable {
    }

    /** Returns record {@code r} in portable form; throws IllegalArgumentException on a component it cannot carry. */
    public static Portable of(Record r) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                values.add(carry(c.getAccessor().invoke(r)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + c.getName(), e);
            }
        }
        return new Portable(r.getClass().getName(), values);
    }

    /** Returns the record again, as a {@code type}. */
    public <R extends Record> R to(Class<R> type) {
        return type.cast(rebuild());
    }

    private Object rebuild() {
        try {
            Class<?> c = Class.forName(type, true, Thread.currentThread().getContextClassLoader());
            RecordComponent[] components = c.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = back(values.get(i));
            }
            Constructor<?> canonical = c.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild a " + type, e);
        }
    }

    private static Object carry(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Enum<?>) {
            return v;
        }
        if (v instanceof Path p) {
            return new PathValue(p.toAbsolutePath().toString());
        }
        if (v instanceof Optional<?> o) {
            return new OptionalValue(carry(o.orElse(null)));
        }
        if (v instanceof Record r) {
            return of(r);
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(Portable::carry).toList());
        }
        throw new IllegalArgumentException("cannot carry a " + v.getClass().getName() + " to an executor");
    }

    private static Object back(Object v) {
        if (v instanceof PathValue p) {
            return Path.of(p.path());
        }
        if (v instanceof OptionalValue o) {
            return Optional.ofNullable(back(o.value()));
        }
        if (v instanceof Portable p) {
            return p.rebuild();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Portable::back).toList();
        }
        return v;
    }
}
