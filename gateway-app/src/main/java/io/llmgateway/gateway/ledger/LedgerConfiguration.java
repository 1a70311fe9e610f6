package io.llmgateway.gateway.ledger;

import io.llmgateway.gateway.observe.GatewayMeters;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The usage ledger: store (PostgreSQL or embedded H2), its writer, and the observers that feed it. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean(destroyMethod = "close")
    LedgerWriter ledgerWriter(LedgerProperties props, GatewayMeters meters) {
        if (!props.enabled()) {
            return null;
        }
        return new LedgerWriter(new JdbcLedgerStore(props), props.spoolDir(), meters, props);
    }

    @Bean
    LedgerObserver ledgerObserver(ObjectProvider<LedgerWriter> writer, RoutingStateHolder routing) {
        return new LedgerObserver(writer.getIfAvailable(), routing);
    }

    @Bean
    CallCosting callCosting(RoutingStateHolder routing) {
        return new CallCosting(routing);
    }
}
