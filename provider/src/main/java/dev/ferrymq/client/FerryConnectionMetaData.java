package dev.ferrymq.client;

import jakarta.jms.ConnectionMetaData;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** What a FerryMQ connection tells about the provider ("ConnectionMetaData"). Immutable. */
public final class FerryConnectionMetaData implements ConnectionMetaData {

    /** The provider's version. */
    public static final String PROVIDER_VERSION = "0.1.0";
    public static final int PROVIDER_MAJOR_VERSION = 0;
    public static final int PROVIDER_MINOR_VERSION = 1;
    public static final String PROVIDER_NAME = "FerryMQ";

    /** The JMS-defined properties FerryMQ supports. */
    public static final List<String> JMSX_PROPERTY_NAMES = List.of("JMSXGroupID", "JMSXGroupSeq", "JMSXDeliveryCount");

    static final FerryConnectionMetaData INSTANCE = new FerryConnectionMetaData();

    private FerryConnectionMetaData() {
    }

    @Override
    public String getJMSVersion() {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion() {
        return 3;
    }

    @Override
    public int getJMSMinorVersion() {
        return 1;
    }

    @Override
    public String getJMSProviderName() {
        return PROVIDER_NAME;
    }

    @Override
    public String getProviderVersion() {
        return PROVIDER_VERSION;
    }

    @Override
    public int getProviderMajorVersion() {
        return PROVIDER_MAJOR_VERSION;
    }

    @Override
    public int getProviderMinorVersion() {
        return PROVIDER_MINOR_VERSION;
    }

    @Override
    public Enumeration<String> getJMSXPropertyNames() {
        return Collections.enumeration(JMSX_PROPERTY_NAMES);
    }
}
