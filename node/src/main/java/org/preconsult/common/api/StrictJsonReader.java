package org.preconsult.common.api;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads every JSON request body of the API: first {@link StrictJson} checks the body against the
 * endpoint's declared type (and answers 400 naming the field when it does not fit), then the
 * ordinary JSON mapper binds it. Ordered before the framework's JSON reader so that no endpoint
 * can be reached by a body that was not checked.
 */
@Singleton
@Order(-100)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", MediaType.TEXT_JSON})
final class StrictJsonReader<T> implements MessageBodyReader<T> {

    private final JsonMapper mapper;

    StrictJsonReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        Class<?> raw = type.getType();
        return raw != String.class && raw != byte[].class && !raw.getName().startsWith("io.micronaut.json.tree")
                && !raw.getName().startsWith("io.micronaut.core.io.buffer")
                && (mediaType == null || mediaType.getExtension().equals("json"));
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> byteBuffer) {
        return read(type, byteBuffer.toByteArray());
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream inputStream) {
        try {
            return read(type, inputStream.readAllBytes());
        } catch (IOException e) {
            throw new CodecException("The request body could not be read", e);
        }
    }

    private T read(Argument<T> type, byte[] body) {
        // Only what a client sends this node is held to the API's rules; a response this node's own
        // HTTP client reads (from a service it calls) is read as the framework reads it.
        if (ServerRequestContext.currentRequest().isPresent()) {
            StrictJson.check(body, type);
        }
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            // The shape was checked above; what remains is a value the mapper still refuses.
            throw ProblemException.invalid("The request body could not be read: a value does not fit its field.",
                    List.of());
        }
    }
}
