package io.clearsky.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Runs a gateway on its own, e.g. as one pod of the gateway StatefulSet.
 */
// No component scanning: the imported configurations declare every bean.
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(GatewayConfiguration.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
