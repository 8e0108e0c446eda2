package dev.ferrymq.cdi.extension;

import dev.ferrymq.cdi.inject.ConnectionFactoryResolver;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.jms.ConnectionFactory;

/** Creates the synthetic default ConnectionFactory bean of {@link FerryBuildCompatibleExtension}. Stateless. */
public class LiteDefaultFactory implements SyntheticBeanCreator<ConnectionFactory> {

    @Override
    public ConnectionFactory create(Instance<Object> lookup, Parameters params) {
        return DeploymentCheck.reference(CDI.current().getBeanContainer(), ConnectionFactoryResolver.class).defaultFactory();
    }
}
