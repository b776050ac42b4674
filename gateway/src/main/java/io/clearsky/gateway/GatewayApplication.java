package io.clearsky.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Runs a gateway on its own, e.g. as one pod of the gateway StatefulSet.
 */
@SpringBootApplication(scanBasePackages = "io.clearsky.gateway.none")
@Import(GatewayConfiguration.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
