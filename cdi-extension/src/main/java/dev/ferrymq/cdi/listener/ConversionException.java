package dev.ferrymq.cdi.listener;

/** A message a listener method cannot take: its body or a header or property does not fit the parameter. */
public class ConversionException extends Exception {

    public ConversionException(String message) {
        super(message);
    }

    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
