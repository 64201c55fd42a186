/*
 * Compile-only stand-in. Declarations checked against jenkinsci/stapler 2050.v425108fd5089
 * core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

public interface StaplerRequest2 extends HttpServletRequest {

    <T> T bindJSON(Class<T> type, JSONObject src);

    void bindJSON(Object bean, JSONObject src);

    JSONObject getSubmittedForm() throws ServletException;
}
