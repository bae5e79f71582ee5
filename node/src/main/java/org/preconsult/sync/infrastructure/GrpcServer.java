package org.preconsult.sync.infrastructure;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
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
import org.preconsult.trust.infrastructure.PeerIdentityInterceptor;
import org.preconsult.trust.application.NodeCertificate;
import org.preconsult.trust.application.TrustSettings;
import org.preconsult.trust.infrastructure.FederationTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the node's gRPC server, where children push and pull. Listens on {@code grpc.server.port}
 * (0 picks a free port; {@link #port()} tells which) and {@code grpc.server.host}, with TLS 1.3
 * only: every call but enrolment needs the client certificate of a child this node enrolled. A
 * node that has no certificate yet (it has not enrolled with its parent) listens from the moment
 * it has one.
 */
@Singleton
public class GrpcServer {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

    private final FederationService service;
    private final int configuredPort;
    private final String host;
    private final FederationTls tls;
    private final PeerIdentityInterceptor peers;
    private final NodeCertificate own;
    private final TrustSettings trust;
    private volatile Server server;

    GrpcServer(FederationService service, @Value("${grpc.server.port:9090}") int configuredPort,
               @Value("${grpc.server.host:0.0.0.0}") String host, FederationTls tls, PeerIdentityInterceptor peers,
               NodeCertificate own, TrustSettings trust) {
        this.tls = tls;
        this.peers = peers;
        this.own = own;
        this.trust = trust;
        this.service = service;
        this.configuredPort = configuredPort;
        this.host = host;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    @EventListener
    void onCertificate(NodeCertificate.Installed event) {
        start();
    }

    private synchronized void start() {
        if (server != null || !own.enrolled()) {
            return;
        }
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(host, configuredPort))
                    .sslContext(tls.server())
                    .addService(ServerInterceptors.intercept(service, peers))
                    .permitKeepAliveTime(10, TimeUnit.SECONDS)
                    .permitKeepAliveWithoutCalls(true)
                    .maxInboundMessageSize(trust.maxMessageBytes())
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
