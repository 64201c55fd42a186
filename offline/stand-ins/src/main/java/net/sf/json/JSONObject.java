/*
 * Compile-only stand-in. Declarations checked against jenkinsci/json-lib json-lib-2.4-jenkins-15
 * src/main/java/net/sf/json/JSONObject.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package net.sf.json;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

public final class JSONObject extends AbstractJSON implements JSON, Map<String, Object>, Comparable {

    public static JSONObject fromObject(Object object) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public JSONObject() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void clear() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int compareTo(Object obj) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean containsKey(Object key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean containsValue(Object value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Set entrySet() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean equals(Object obj) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Object get(Object key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Object get(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean getBoolean(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int getInt(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public JSONObject getJSONObject(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public long getLong(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getString(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean has(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int hashCode() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isArray() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isEmpty() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isNullObject() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Set<String> keySet() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean optBoolean(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean optBoolean(String key, boolean defaultValue) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int optInt(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int optInt(String key, int defaultValue) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String optString(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String optString(String key, String defaultValue) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void putAll(Map map) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Object remove(Object key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Object remove(String key) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int size() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String toString() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Collection values() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
