package dev.primer.go.sgf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of an SGF game tree: properties in insertion order, each with one or more unescaped values, and
 * child nodes (the first child is the main line, the others variations).
 */
public final class SgfNode {
    private final Map<String, List<String>> properties = new LinkedHashMap<>();
    private final List<SgfNode> children = new ArrayList<>();

    /** Returns the properties, identifier to values, in the order they were added. */
    public Map<String, List<String>> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Returns the children, main line first. */
    public List<SgfNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** Returns the first value of {@code id}, or null when the node lacks it. */
    public String get(String id) {
        List<String> v = properties.get(id);
        return v == null ? null : v.get(0);
    }

    /** Returns all values of {@code id}, empty when the node lacks it. */
    public List<String> getAll(String id) {
        return properties.getOrDefault(id, List.of());
    }

    /** Returns true when the node has property {@code id}. */
    public boolean has(String id) {
        return properties.containsKey(id);
    }

    /** Appends a value to property {@code id}; returns this node. */
    public SgfNode add(String id, String value) {
        properties.computeIfAbsent(id, k -> new ArrayList<>()).add(value);
        return this;
    }

    /** Replaces the values of property {@code id} by one value; returns this node. */
    public SgfNode set(String id, String value) {
        List<String> values = new ArrayList<>();
        values.add(value);
        properties.put(id, values);
        return this;
    }

    /** Appends {@code child} and returns it. */
    public SgfNode addChild(SgfNode child) {
        children.add(child);
        return child;
    }

    /** Returns true when both trees have equal properties and equal children, recursively. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SgfNode n && properties.equals(n.properties) && children.equals(n.children);
    }

    @Override
    public int hashCode() {
        return properties.hashCode() * 31 + children.hashCode();
    }

    /** Returns the node written as SGF. */
    @Override
    public String toString() {
        return Sgf.write(List.of(this));
    }
}
