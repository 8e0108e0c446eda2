package dev.ferrymq.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The dependency graph among the top-level classes of one package (a nested class counts as its
 * top-level class: a class and its nested classes are one unit), and its circles: the strongly
 * connected components of more than one class (Tarjan's algorithm).
 */
final class ClassCycles {

    private final Map<String, Set<String>> edges = new TreeMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<Set<String>> cycles = new ArrayList<>();
    private int next;

    private ClassCycles() {
    }

    /** The circles among the top-level classes of {@code pkg} for which {@code member} holds. */
    static List<Set<String>> in(JavaClasses classes, String pkg, Predicate<String> member) {
        ClassCycles graph = new ClassCycles();
        String prefix = pkg + ".";
        for (JavaClass c : classes) {
            String from = topLevel(c, prefix);
            if (from.isEmpty() || !member.test(from)) {
                continue;
            }
            Set<String> targets = graph.edges.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = topLevel(d.getTargetClass(), prefix);
                if (!to.isEmpty() && !to.equals(from) && member.test(to)) {
                    targets.add(to);
                }
            }
        }
        for (String v : graph.edges.keySet()) {
            if (!graph.index.containsKey(v)) {
                graph.connect(v);
            }
        }
        return graph.cycles;
    }

    /** The circles among all top-level classes of {@code pkg}. */
    static List<Set<String>> in(JavaClasses classes, String pkg) {
        return in(classes, pkg, c -> true);
    }

    /** The edges of the graph, for a failure message. */
    static Map<String, Set<String>> edgesWithin(JavaClasses classes, String pkg, Set<String> cycle) {
        Map<String, Set<String>> out = new TreeMap<>();
        String prefix = pkg + ".";
        for (JavaClass c : classes) {
            String from = topLevel(c, prefix);
            if (!cycle.contains(from)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = topLevel(d.getTargetClass(), prefix);
                if (cycle.contains(to) && !to.equals(from)) {
                    out.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        return out;
    }

    private void connect(String v) {
        index.put(v, next);
        low.put(v, next);
        next++;
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }

    /** The simple name of {@code c}'s top-level class when it is directly in the package; "" otherwise. */
    static String topLevel(JavaClass c, String prefix) {
        String name = c.getName();
        if (!name.startsWith(prefix)) {
            return "";
        }
        String simple = name.substring(prefix.length());
        if (simple.contains(".")) {
            return "";
        }
        int nested = simple.indexOf('$');
        return nested < 0 ? simple : simple.substring(0, nested);
    }
}
