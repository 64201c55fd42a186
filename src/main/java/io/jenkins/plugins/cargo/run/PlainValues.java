package io.jenkins.plugins.cargo.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies into the plainest Java shapes: every map a {@link LinkedHashMap} (order kept), every list
 * an {@link ArrayList}; strings, numbers, booleans and nulls as they are. What the Pipeline step hands to
 * a script must be changeable by it and must read back the same after the program state is saved.
 */
final class PlainValues {
    private PlainValues() {}

    static LinkedHashMap<String, Object> mapOf(Map<String, ?> map) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, copy(value)));
        return copy;
    }

    static <T> ArrayList<Object> listOf(List<T> list) {
        ArrayList<Object> copy = new ArrayList<>(list.size());
        list.forEach(value -> copy.add(copy(value)));
        return copy;
    }

    static ArrayList<Map<String, Object>> mapsOf(List<? extends Map<String, ?>> maps) {
        ArrayList<Map<String, Object>> copy = new ArrayList<>(maps.size());
        maps.forEach(map -> copy.add(mapOf(map)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return mapOf((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return listOf(list);
        }
        return value;
    }
}
