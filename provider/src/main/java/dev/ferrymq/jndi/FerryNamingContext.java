package dev.ferrymq.jndi;

import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;

/**
 * The read-only naming context of {@link FerryInitialContextFactory}: a view of the immutable
 * bindings below {@code prefix} ("" for the root, else ending in {@code /}). Names are composite
 * names; their components are joined with {@code /} to find a binding. Thread-safe for lookups;
 * the environment is a private copy guarded by this object.
 */
final class FerryNamingContext implements Context {

    private static final NameParser PARSER = CompositeName::new;

    private final SortedMap<String, Object> bindings;
    private final String prefix;
    private final Hashtable<Object, Object> environment;

    FerryNamingContext(SortedMap<String, Object> bindings, String prefix, Hashtable<Object, Object> environment) {
        this.bindings = bindings;
        this.prefix = prefix;
        this.environment = new Hashtable<>(environment);
    }

    @Override
    public Object lookup(Name name) throws NamingException {
        String relative = join(name);
        if (relative.isEmpty()) {
            return new FerryNamingContext(bindings, prefix, environment);
        }
        String full = prefix + relative;
        Object bound = bindings.get(full);
        if (bound != null) {
            return bound;
        }
        Object dynamic = dynamic(full);
        if (dynamic != null) {
            return dynamic;
        }
        if (hasChildren(full + "/")) {
            return new FerryNamingContext(bindings, full + "/", environment);
        }
        NameNotFoundException e = new NameNotFoundException("no binding for '" + full + "' in the FerryMQ JNDI context");
        e.setRemainingName(name);
        throw e;
    }

    @Override
    public Object lookup(String name) throws NamingException {
        return lookup(parse(name));
    }

    private static Object dynamic(String full) throws NamingException {
        int slash = full.indexOf('/');
        if (slash <= 0 || slash == full.length() - 1) {
            return null;
        }
        String space = full.substring(0, slash);
        String destination = full.substring(slash + 1);
        if (space.equals(JndiBindings.DYNAMIC_QUEUES)) {
            return JndiBindings.queue(full, destination);
        }
        if (space.equals(JndiBindings.DYNAMIC_TOPICS)) {
            return JndiBindings.topic(full, destination);
        }
        return null;
    }

    private boolean hasChildren(String childPrefix) {
        return bindings.subMap(childPrefix, childPrefix + Character.MAX_VALUE).size() > 0;
    }

    @Override
    public NamingEnumeration<NameClassPair> list(Name name) throws NamingException {
        List<NameClassPair> pairs = new ArrayList<>();
        for (Binding b : children(name)) {
            pairs.add(new NameClassPair(b.getName(), b.getClassName()));
        }
        return new ListEnumeration<>(pairs);
    }

    @Override
    public NamingEnumeration<NameClassPair> list(String name) throws NamingException {
        return list(parse(name));
    }

    @Override
    public NamingEnumeration<Binding> listBindings(Name name) throws NamingException {
        return new ListEnumeration<>(children(name));
    }

    @Override
    public NamingEnumeration<Binding> listBindings(String name) throws NamingException {
        return listBindings(parse(name));
    }

    /** The immediate children of the context {@code name} names: bindings and sub-contexts. */
    private List<Binding> children(Name name) throws NamingException {
        Object target = lookup(name);
        if (!(target instanceof FerryNamingContext context)) {
            throw new NotContextException("'" + prefix + join(name) + "' is bound to an object, not a context");
        }
        Map<String, Binding> children = new LinkedHashMap<>();
        String p = context.prefix;
        for (Map.Entry<String, Object> e : bindings.subMap(p, p + Character.MAX_VALUE).entrySet()) {
            String rest = e.getKey().substring(p.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                children.put(rest, new Binding(rest, e.getValue()));
            } else {
                String child = rest.substring(0, slash);
                children.computeIfAbsent(child,
                        c -> new Binding(c, new FerryNamingContext(bindings, p + c + "/", environment)));
            }
        }
        return new ArrayList<>(children.values());
    }

    private static String join(Name name) throws NamingException {
        if (name == null) {
            throw new InvalidNameException("name must not be null");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.size(); i++) {
            String component = name.get(i);
            if (component.isEmpty()) {
                continue;
            }
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(component);
        }
        return b.toString();
    }

    private static Name parse(String name) throws NamingException {
        if (name == null) {
            throw new InvalidNameException("name must not be null");
        }
        return PARSER.parse(name);
    }

    @Override
    public Object lookupLink(Name name) throws NamingException {
        return lookup(name);
    }

    @Override
    public Object lookupLink(String name) throws NamingException {
        return lookup(name);
    }

    @Override
    public NameParser getNameParser(Name name) {
        return PARSER;
    }

    @Override
    public NameParser getNameParser(String name) {
        return PARSER;
    }

    @Override
    public Name composeName(Name name, Name prefix) throws NamingException {
        return ((Name) prefix.clone()).addAll(name);
    }

    @Override
    public String composeName(String name, String prefix) throws NamingException {
        return composeName(parse(name), parse(prefix)).toString();
    }

    @Override
    public synchronized Object addToEnvironment(String propName, Object propVal) {
        return environment.put(propName, propVal);
    }

    @Override
    public synchronized Object removeFromEnvironment(String propName) {
        return environment.remove(propName);
    }

    @Override
    public synchronized Hashtable<?, ?> getEnvironment() {
        return new Hashtable<>(environment);
    }

    @Override
    public void close() {
        // nothing is held: the bindings are plain objects
    }

    @Override
    public String getNameInNamespace() {
        return prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
    }

    private static OperationNotSupportedException readOnly(String operation, Object name) {
        return new OperationNotSupportedException("the FerryMQ JNDI context is read-only: cannot " + operation + " '"
                + name + "'; configure bindings in the environment or jndi.properties instead");
    }

    @Override
    public void bind(Name name, Object obj) throws NamingException {
        throw readOnly("bind", name);
    }

    @Override
    public void bind(String name, Object obj) throws NamingException {
        throw readOnly("bind", name);
    }

    @Override
    public void rebind(Name name, Object obj) throws NamingException {
        throw readOnly("rebind", name);
    }

    @Override
    public void rebind(String name, Object obj) throws NamingException {
        throw readOnly("rebind", name);
    }

    @Override
    public void unbind(Name name) throws NamingException {
        throw readOnly("unbind", name);
    }

    @Override
    public void unbind(String name) throws NamingException {
        throw readOnly("unbind", name);
    }

    @Override
    public void rename(Name oldName, Name newName) throws NamingException {
        throw readOnly("rename", oldName);
    }

    @Override
    public void rename(String oldName, String newName) throws NamingException {
        throw readOnly("rename", oldName);
    }

    @Override
    public void destroySubcontext(Name name) throws NamingException {
        throw readOnly("destroy sub-context", name);
    }

    @Override
    public void destroySubcontext(String name) throws NamingException {
        throw readOnly("destroy sub-context", name);
    }

    @Override
    public Context createSubcontext(Name name) throws NamingException {
        throw readOnly("create sub-context", name);
    }

    @Override
    public Context createSubcontext(String name) throws NamingException {
        throw readOnly("create sub-context", name);
    }

    /** A {@link NamingEnumeration} over a snapshot list. */
    private static final class ListEnumeration<T> implements NamingEnumeration<T> {

        private final Iterator<T> it;

        ListEnumeration(List<T> items) {
            this.it = Collections.unmodifiableList(items).iterator();
        }

        @Override
        public T next() {
            return nextElement();
        }

        @Override
        public boolean hasMore() {
            return it.hasNext();
        }

        @Override
        public boolean hasMoreElements() {
            return it.hasNext();
        }

        @Override
        public T nextElement() {
            if (!it.hasNext()) {
                throw new NoSuchElementException("no more bindings");
            }
            return it.next();
        }

        @Override
        public void close() {
            // a snapshot: nothing to release
        }
    }
}
