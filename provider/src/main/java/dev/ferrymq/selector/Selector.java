package dev.ferrymq.selector;

/**
 * A compiled JMS message selector (Jakarta Messaging 3.1, 3.8.1.1 "Message selector syntax",
 * 3.8.1.2 "Null values", 3.8.1.3 "Special notes").
 *
 * <p>Evaluation uses SQL three-valued logic; a message matches only when the selector is TRUE.
 * Decisions where the specification leaves room:
 * <ul>
 * <li>Comparing values of different types (string vs number, boolean vs number, ...) is FALSE,
 *     as the specification says, for every comparison operator including {@code <>}; comparing
 *     with NULL is UNKNOWN.</li>
 * <li>Arithmetic on a NULL or non-numeric value, and integral division by zero, give NULL (so the
 *     comparison around it is UNKNOWN). Integral values are combined as {@code long}; as soon as
 *     one operand is Float/Double both are promoted to {@code double} (floating division by zero
 *     gives an infinity or NaN, as in Java).</li>
 * <li>IN and LIKE on a value that is not a String, ordering comparisons ({@code < <= > >=}) of two
 *     strings or two booleans held in properties, and a non-Boolean identifier used as a
 *     condition are UNKNOWN.</li>
 * <li>Header fields selectors may reference are JMSDeliveryMode (the strings
 *     {@code 'PERSISTENT'} / {@code 'NON_PERSISTENT'}), JMSPriority, JMSMessageID, JMSTimestamp,
 *     JMSCorrelationID and JMSType; their values, like property values, come from
 *     {@link SelectorValues}. Any other identifier starting with {@code JMS} that does not start
 *     with {@code JMSX} or {@code JMS_} is rejected by {@link #parse}.</li>
 * <li>What {@link #parse} rejects beyond plain syntax errors is listed on {@code SelectorParser}:
 *     chiefly selectors that are not conditional expressions, arithmetic on string or boolean
 *     literals, ordering comparisons with string or boolean literals, and IN/LIKE/IS NULL on
 *     anything but an identifier.</li>
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads; {@link #matches} may be called
 * concurrently and does not lock.
 */
public interface Selector {

    /**
     * Whether the message whose values are given matches (true; false and unknown do not).
     * Never throws for any combination of values; exceptions thrown by {@code values} propagate.
     *
     * @param values the message's header field and property values; not null
     */
    boolean matches(SelectorValues values);

    /** The selector text this was compiled from. */
    String text();

    /**
     * Compiles a selector.
     *
     * @param text the selector; {@code null} or blank means no selector
     * @return the compiled selector, or {@code null} when {@code text} is null or blank
     * @throws SelectorSyntaxException naming what is wrong and where
     */
    static Selector parse(String text) throws SelectorSyntaxException {
        if (text == null || text.isBlank()) {
            return null;
        }
        return SelectorParser.parse(text);
    }
}
