package io.secureflows.platform.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds every API request body before anything parses it: a declared length over the limit is
 * refused at once, and a body without a declared length (chunked) is cut off as soon as it passes
 * the limit.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestBodyLimitFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "sf.api.max-request-bytes", defaultValue = "65536")
  long maxRequestBytes;

  @Inject
  @ConfigProperty(name = "sf.api.max-payload-request-bytes", defaultValue = "1048576")
  long maxPayloadRequestBytes;

  @Override
  public void filter(ContainerRequestContext request) {
    // Session payloads may be as large as an application allows (at most 1 MiB); every other body
    // is small.
    String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
    long limit = path.startsWith("v1/session/payload") ? maxPayloadRequestBytes : maxRequestBytes;
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        throw new BadRequestException("Content-Length is not a number");
      }
      if (length > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }
    request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
  }

  private static final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      count += n;
      if (count > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }
  }
}
