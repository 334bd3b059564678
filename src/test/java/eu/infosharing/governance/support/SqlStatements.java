package eu.infosharing.governance.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends, by text: each execution, and each row of a batch, is one. Import
 * it into a test's context to see how many round trips a request or a lifecycle costs and which statements they are
 * (the benchmarks print them; the tests assert that a statement that grew with the community stays gone).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatements {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    @Bean
    static BeanPostProcessor countingDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
            }
        };
    }

    public static void reset() {
        COUNTS.clear();
    }

    public static long total() {
        return COUNTS.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** How many statements whose text contains the fragment (case-insensitive) were sent since the last reset. */
    public static long containing(String fragment) {
        String wanted = fragment.toLowerCase(java.util.Locale.ROOT);
        return COUNTS.entrySet().stream().filter(e -> e.getKey().toLowerCase(java.util.Locale.ROOT).contains(wanted))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** The most frequent statements, most frequent first, with their counts. */
    public static Map<String, Long> top(int n) {
        Map<String, Long> top = new LinkedHashMap<>();
        COUNTS.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .limit(n).forEach(e -> top.put(e.getKey(), e.getValue().sum()));
        return top;
    }

    private static void count(String sql) {
        if (sql != null) {
            COUNTS.computeIfAbsent(sql.replaceAll("\\s+", " ").strip(), k -> new LongAdder()).increment();
        }
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return proxy(Connection.class, super.getConnection(), null);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return proxy(Connection.class, super.getConnection(username, password), null);
        }
    }

    /** A connection whose statements count, or a statement that counts its executions (sql: a prepared one's text). */
    private static <T> T proxy(Class<T> type, T target, String sql) {
        InvocationHandler handler = (p, method, args) -> {
            String name = method.getName();
            if (target instanceof Connection && name.equals("prepareStatement")) {
                return proxy(PreparedStatement.class, (PreparedStatement) invoke(method, target, args), (String) args[0]);
            }
            if (target instanceof Connection && name.equals("prepareCall")) {
                return proxy(CallableStatement.class, (CallableStatement) invoke(method, target, args), (String) args[0]);
            }
            if (target instanceof Connection && name.equals("createStatement")) {
                return proxy(Statement.class, (Statement) invoke(method, target, args), null);
            }
            if (target instanceof Statement && (name.startsWith("execute") || name.equals("addBatch"))
                    && !name.equals("executeBatch")) {
                count(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
            }
            return invoke(method, target, args);
        };
        return type.cast(Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
