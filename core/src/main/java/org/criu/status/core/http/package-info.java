/**
 * <b>Internal to core</b>; a checker never uses it (it reads sources through
 * {@link org.criu.status.core.spi.CheckContext}). The run's one OkHttp client and everything between a source
 * client and the wire: {@link org.criu.status.core.http.Http} builds the client (its javadoc gives the order of
 * the interceptors), {@link org.criu.status.core.http.HttpOptions} and {@link org.criu.status.core.http.HttpLimits}
 * configure it from the command line, {@link org.criu.status.core.http.OriginRewrite} is {@code --origin},
 * {@link org.criu.status.core.http.Exchange} and the record/replay interceptors are the {@code .http} recordings.
 *
 * <p>The interceptors nothing outside this package needs are package-private. The public ones (the cli, the
 * test kit and the source clients use them) are still internal: their shape may change with the HTTP layer.
 */
package org.criu.status.core.http;
