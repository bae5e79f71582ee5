package org.preconsult.sync.application;

/**
 * An upward envelope as bytes, with what the outbox and the inbox read from its header. Made and
 * read only by the wire codec ({@code org.preconsult.sync.infrastructure.EnvelopeWire}).
 *
 * @param digest SHA-256 (hex) of the envelope without the origin's seal: the same content re-sealed
 *               has the same digest
 */
public record WireEnvelope(String originNode, long seq, String incarnation, String bodyType, byte[] bytes,
                           String digest) {
}
