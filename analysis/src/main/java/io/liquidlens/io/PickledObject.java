package io.liquidlens.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An inert stand-in for an object of a whitelisted class in a whole-module pickle (an {@code ncps.*} or
 * {@code torch.nn.*} module, a wiring, a numpy random state): its class name and the attributes BUILD set, never an
 * instance of the class. The typed getters read attributes as a module's {@code __dict__} holds them and fail with
 * an {@link IllegalArgumentException} naming the class and attribute when one is missing or of another type.
 */
public final class PickledObject {
    private final String className;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    /** The tensors of the whole pickle, read once its storages are; shared by every object of one pickle. */
    private final Map<Object, NdArray> tensors;

    PickledObject(String className, IdentityHashMap<Object, NdArray> tensors) {
        this.className = className;
        this.tensors = tensors;
    }

    /** The dotted class name the pickle gave, e.g. {@code ncps.torch.ltc.LTC}. */
    public String className() {
        return className;
    }

    /** The class name without its module, e.g. {@code LTC}. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The attribute names BUILD set, in pickle order. */
    public Set<String> attributeNames() {
        return Collections.unmodifiableSet(attributes.keySet());
    }

    /** The raw attribute values, for walking the object graph. */
    java.util.Collection<Object> values() {
        return attributes.values();
    }

    void set(String name, Object value) {
        attributes.put(name, value);
    }

    /** True when the attribute is set and not None. */
    public boolean has(String name) {
        Object v = attributes.get(name);
        return v != null && v != PickleMachine.NONE;
    }

    /** A Python int attribute within Java's int range. */
    public int integer(String name) {
        Object v = require(name);
        if (v instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        throw wrongType(name, v, "an int");
    }

    /** A Python int attribute within Java's long range, e.g. a seed. */
    public long whole(String name) {
        Object v = require(name);
        if (v instanceof Long l) {
            return l;
        }
        throw wrongType(name, v, "an int");
    }

    /** A Python float (or int) attribute. */
    public double number(String name) {
        Object v = require(name);
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        throw wrongType(name, v, "a number");
    }

    /** A Python bool attribute. */
    public boolean bool(String name) {
        return typed(name, Boolean.class, "a bool");
    }

    /** A Python str attribute. */
    public String text(String name) {
        return typed(name, String.class, "a str");
    }

    /** The attribute {@code name} as {@code type}, or one line naming it and what it holds instead. */
    private <T> T typed(String name, Class<T> type, String what) {
        Object v = require(name);
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        throw wrongType(name, v, what);
    }

    /** True when the attribute holds a str. */
    public boolean isText(String name) {
        return attributes.get(name) instanceof String;
    }

    /** True when the attribute holds a placeholder object (of any class). */
    public boolean isObject(String name) {
        return attributes.get(name) instanceof PickledObject;
    }

    /** An attribute holding another placeholder object. */
    public PickledObject object(String name) {
        return typed(name, PickledObject.class, "an object");
    }

    /** A numpy array or tensor attribute, as read from its bytes. */
    public NdArray array(String name) {
        Object v = require(name);
        NdArray a = arrayOf(v);
        if (a == null) {
            throw wrongType(name, v, "an array");
        }
        return a;
    }

    /** A list of Python ints, e.g. an NCP's {@code _motor_neurons}. */
    public int[] integers(String name) {
        Object v = require(name);
        if (v instanceof List<?> list) {
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Long l) || l != l.intValue()) {
                    throw wrongType(name, v, "a list of ints");
                }
                out[i] = l.intValue();
            }
            return out;
        }
        throw wrongType(name, v, "a list of ints");
    }

    /**
     * A dict of tensors such as a module's {@code _parameters} or {@code _buffers}, None entries (a parameter
     * registered as None, which {@code state_dict()} leaves out) skipped.
     */
    public Map<String, NdArray> tensors(String name) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : dict(name).entrySet()) {
            if (e.getValue() == PickleMachine.NONE) {
                continue;
            }
            NdArray a = arrayOf(e.getValue());
            if (a == null) {
                throw new IllegalArgumentException(className + "." + name + "['" + e.getKey() + "'] is a "
                        + describe(e.getValue()) + ", not a tensor");
            }
            out.put(e.getKey(), a);
        }
        return out;
    }

    /** A dict of placeholder objects such as a module's {@code _modules}, None entries skipped. */
    public Map<String, PickledObject> objects(String name) {
        Map<String, PickledObject> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : dict(name).entrySet()) {
            if (e.getValue() == PickleMachine.NONE) {
                continue;
            }
            if (!(e.getValue() instanceof PickledObject o)) {
                throw new IllegalArgumentException(className + "." + name + "['" + e.getKey() + "'] is a "
                        + describe(e.getValue()) + ", not a module");
            }
            out.put(e.getKey(), o);
        }
        return out;
    }

    /** A set (or list) of str, e.g. a module's {@code _non_persistent_buffers_set}; empty when absent. */
    public Set<String> names(String name) {
        if (!has(name)) {
            return Set.of();
        }
        Object v = attributes.get(name);
        List<?> items = v instanceof PickledSet s ? s.items() : v instanceof List<?> l ? l : null;
        if (items == null) {
            throw wrongType(name, v, "a set of str");
        }
        Set<String> out = new TreeSet<>();
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw wrongType(name, v, "a set of str");
            }
            out.add(s);
        }
        return out;
    }

    private Map<String, Object> dict(String name) {
        Object v = require(name);
        if (!(v instanceof Map<?, ?> m)) {
            throw wrongType(name, v, "a dict");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(className + "." + name + " has a key of type "
                        + PickleMachine.typeName(e.getKey()) + ", not str");
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    private NdArray arrayOf(Object v) {
        if (v instanceof PickledNumpy n) {
            return n.array();
        }
        return v == null ? null : tensors.get(v);
    }

    private Object require(String name) {
        Object v = attributes.get(name);
        if (v == null) {
            throw new IllegalArgumentException(className + " has no attribute " + name);
        }
        return v;
    }

    private IllegalArgumentException wrongType(String name, Object v, String expected) {
        return new IllegalArgumentException(className + "." + name + " is a " + describe(v) + ", not " + expected);
    }

    private static String describe(Object v) {
        return v instanceof PickledObject o ? o.className : PickleMachine.typeName(v);
    }

    /** A Python set, kept as its items (sets hold names here, e.g. a module's non-persistent buffers). */
    record PickledSet(List<Object> items) {
        PickledSet {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    @Override
    public String toString() {
        return className + attributes.keySet();
    }
}
