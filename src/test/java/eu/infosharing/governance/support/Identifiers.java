package eu.infosharing.governance.support;

import java.util.concurrent.atomic.AtomicLong;

/** Fresh valid identifiers for tests, so that tests sharing one database never collide. */
public final class Identifiers {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 9_000_000L + 1_000_000L);

    private Identifiers() {
    }

    /** A valid Belgian enterprise number: 0 + seven digits, then 97 - (first eight mod 97). */
    public static String enterpriseNumber() {
        long base = NEXT.incrementAndGet() % 10_000_000L;
        String first8 = String.format("%08d", base);
        long check = 97 - Long.parseLong(first8) % 97;
        return first8 + String.format("%02d", check);
    }

    /** A valid LEI: 18 characters and ISO 7064 MOD 97-10 check digits. */
    public static String lei() {
        String body = String.format("5493%014d", NEXT.incrementAndGet());
        StringBuilder numeric = new StringBuilder();
        for (char c : (body + "00").toCharArray()) {
            numeric.append(Character.getNumericValue(c));
        }
        int check = 98 - new java.math.BigInteger(numeric.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
        return body + String.format("%02d", check);
    }
}
