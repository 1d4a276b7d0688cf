package org.backstrong.testinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a JSON body larger than a service takes, over a plain socket, so the test sees exactly
 * what the service answers: announced by Content-Length (refused before it is read), or sent in
 * chunks without a length (refused while it is read). Writing may fail once the service has
 * answered and closed; the answer is read all the same.
 */
public final class OversizedBody {

    /** What came back: status, headers (lower-case names) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    private OversizedBody() {}

    public static Answer withLength(URI uri, String token, long length) throws IOException {
        return send(uri, token, "Content-Length: " + length, out -> {
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) ' ');
            out.write('{');
            for (long written = 1; written < length; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, length - written));
            }
        });
    }

    public static Answer chunked(URI uri, String token, long length) throws IOException {
        return send(uri, token, "Transfer-Encoding: chunked", out -> {
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) ' ');
            block[0] = '{';
            for (long written = 0; written < length; written += block.length) {
                out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(block);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                block[0] = ' ';
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Answer send(URI uri, String token, String framing, Body body) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\n" + framing
                    + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                body.writeTo(out);
                out.flush();
            } catch (IOException answeredAndClosed) {
                // The service answered before the body was through: read what it said.
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (IOException reset) {
            // A reset after the answer: what arrived is the answer.
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String rest = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = dechunk(rest);
        }
        return new Answer(status, headers, rest);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int line = chunked.indexOf("\r\n", at);
            if (line < 0) {
                break;
            }
            int size =
                    Integer.parseInt(chunked.substring(at, line).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, line + 2, Math.min(chunked.length(), line + 2 + size));
            at = line + 2 + size + 2;
        }
        return body.toString();
    }
}
