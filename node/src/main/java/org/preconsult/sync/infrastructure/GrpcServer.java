package org.preconsult.sync.infrastructure;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the node's gRPC server, where children push and pull. Listens on {@code grpc.server.port}
 * (0 picks a free port; {@link #port()} tells which) and {@code grpc.server.host}.
 */
@Singleton
public class GrpcServer {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

    private final FederationService service;
    private final int configuredPort;
    private final String host;
    private volatile Server server;

    GrpcServer(FederationService service, @Value("${grpc.server.port:9090}") int configuredPort,
               @Value("${grpc.server.host:0.0.0.0}") String host) {
        this.service = service;
        this.configuredPort = configuredPort;
        this.host = host;
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (server != null) {
            return;
        }
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(host, configuredPort))
                    .addService(service)
                    .permitKeepAliveTime(10, TimeUnit.SECONDS)
                    .permitKeepAliveWithoutCalls(true)
                    .maxInboundMessageSize(16 * 1024 * 1024)
                    .build()
                    .start();
            LOG.info("Federation gRPC server listening on {}:{}", host, server.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for the federation on port " + configuredPort, e);
        }
    }

    /** The port the server is bound to. */
    public int port() {
        return server == null ? -1 : server.getPort();
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        if (server != null) {
            server.shutdownNow();
            server.awaitTermination(5, TimeUnit.SECONDS);
            server = null;
        }
    }
}
