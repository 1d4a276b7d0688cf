package org.backstrong.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A body sent in chunks (no Content-Length) within the limit is read by the body-limit route and
 * still reaches the resource: here an empty exercise, refused by name as any other.
 */
@QuarkusTest
class ChunkedBodyTest {

    @TestHTTPResource("/exercises")
    URI exercises;

    @Test
    void aChunkedBodyWithinTheLimitReachesTheResource() throws Exception {
        String answer;
        try (Socket socket = new Socket(exercises.getHost(), exercises.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + exercises.getPath() + " HTTP/1.1\r\nHost: " + exercises.getHost() + "\r\n"
                            + "Authorization: Bearer " + Users.clara() + "\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                            + "1\r\n{\r\n1\r\n}\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            answer = read.toString(StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertEquals(true, answer.contains("\"field\""), answer);
    }
}
