package dev.ferrymq.client.util;

import dev.ferrymq.spi.EngineException;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;

/**
 * The one place where failures become JMS exceptions: engine failures become the
 * {@link JMSException} subclass their {@link EngineException.Kind} names, and checked JMS
 * exceptions become their {@link JMSRuntimeException} twins for the simplified API.
 *
 * <p>Threading: stateless; any thread.
 */
public final class JmsExceptions {

    private JmsExceptions() {
    }

    /** The checked JMS exception for an engine failure, with the failure as cause. */
    public static JMSException toJms(EngineException e) {
        String msg = e.getMessage();
        JMSException j = switch (e.kind()) {
            case GENERAL -> new JMSException(msg);
            case ILLEGAL_STATE -> new IllegalStateException(msg);
            case INVALID_CLIENT_ID -> new InvalidClientIDException(msg);
            case INVALID_DESTINATION -> new InvalidDestinationException(msg);
            case INVALID_SELECTOR -> new InvalidSelectorException(msg);
            case RESOURCE_ALLOCATION -> new ResourceAllocationException(msg);
            case TRANSACTION_ROLLED_BACK -> new TransactionRolledBackException(msg);
            case TRANSACTION_IN_PROGRESS -> new TransactionInProgressException(msg);
            case SECURITY -> new JMSSecurityException(msg);
            case MESSAGE_FORMAT -> new MessageFormatException(msg);
        };
        j.initCause(e);
        if (e.getCause() instanceof Exception cause) {
            j.setLinkedException(cause);
        }
        return j;
    }

    /**
     * What the exception listener is told when the engine closed {@code what} (a connection, a
     * consumer) on its own: the JMS exception of {@code reason}'s kind saying "{@code what} was
     * closed by the provider: {@code reason}", with {@code reason} as linked exception.
     */
    public static JMSException closedByProvider(String what, EngineException reason) {
        return toJms(new EngineException(reason.kind(), what + " was closed by the provider: " + reason.getMessage(),
                reason));
    }

    /** Any throwable as a checked JMS exception; a JMSException stays itself. */
    public static JMSException toJms(Throwable t) {
        if (t instanceof JMSException j) {
            return j;
        }
        if (t instanceof EngineException e) {
            return toJms(e);
        }
        if (t instanceof JMSRuntimeException r && r.getCause() instanceof JMSException j) {
            return j;
        }
        JMSException j = new JMSException(t.getMessage() == null ? t.toString() : t.getMessage());
        j.initCause(t);
        if (t instanceof Exception ex) {
            j.setLinkedException(ex);
        }
        return j;
    }

    /** The simplified API's twin of a checked JMS exception, with the original as cause. */
    public static JMSRuntimeException toRuntime(JMSException e) {
        String msg = e.getMessage();
        String code = e.getErrorCode();
        JMSRuntimeException r;
        if (e instanceof IllegalStateException) {
            r = new IllegalStateRuntimeException(msg, code, e);
        } else if (e instanceof InvalidClientIDException) {
            r = new InvalidClientIDRuntimeException(msg, code, e);
        } else if (e instanceof InvalidDestinationException) {
            r = new InvalidDestinationRuntimeException(msg, code, e);
        } else if (e instanceof InvalidSelectorException) {
            r = new InvalidSelectorRuntimeException(msg, code, e);
        } else if (e instanceof ResourceAllocationException) {
            r = new ResourceAllocationRuntimeException(msg, code, e);
        } else if (e instanceof TransactionRolledBackException) {
            r = new TransactionRolledBackRuntimeException(msg, code, e);
        } else if (e instanceof TransactionInProgressException) {
            r = new TransactionInProgressRuntimeException(msg, code, e);
        } else if (e instanceof JMSSecurityException) {
            r = new JMSSecurityRuntimeException(msg, code, e);
        } else if (e instanceof MessageNotWriteableException) {
            r = new MessageNotWriteableRuntimeException(msg, code, e);
        } else if (e instanceof MessageFormatException) {
            r = new MessageFormatRuntimeException(msg, code, e);
        } else {
            r = new JMSRuntimeException(msg, code, e);
        }
        return r;
    }

    /** The simplified API's exception for any throwable; a JMSRuntimeException stays itself. */
    public static JMSRuntimeException toRuntime(Throwable t) {
        if (t instanceof JMSRuntimeException r) {
            return r;
        }
        return toRuntime(toJms(t));
    }
}
