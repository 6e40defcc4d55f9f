package org.vetted.support.projection;

/**
 * Whether a service's projection is current enough to answer from: the web edge holds requests (503) until it is.
 * Implemented by {@link SharedProjection}, for a projection kept in a database shared by every instance.
 */
public interface ProjectionReadiness {
    boolean isCaughtUp();
}
