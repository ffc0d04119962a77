# syntax=docker/dockerfile:1
# Multi-stage build of the call-management API.
#   docker build -t calls-api .
# The builder compiles only the `api` binary; the runtime image is Debian slim
# with CA certificates (TLS to PostgreSQL) and curl (for health checks).

FROM rust:1.95-bookworm AS builder
WORKDIR /src
COPY . .
# Registry and target caches survive between builds (BuildKit); the binary is
# copied out of the cache mount so the next stage can take it.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked -p api --bin api \
    && install -D -m 0755 target/release/api /out/api

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app \
    && mkdir -p /app/data \
    && chown -R app:app /app
COPY --from=builder /out/api /usr/local/bin/api
WORKDIR /app
USER app:app
# Listen on all interfaces inside the container (the service's default is loopback).
ENV LISTEN_ADDR=0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
CMD ["/usr/local/bin/api"]
