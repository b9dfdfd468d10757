/**
 * <b>The checker test kit</b> (core's test-jar, a test dependency of every checker module):
 * {@link org.criu.status.core.testkit.SourceServer} stands in for every public source on loopback and runs a
 * checker through the real engine; {@link org.criu.status.core.testkit.GitHubFixtures},
 * {@link org.criu.status.core.testkit.GitLabFixtures} and {@link org.criu.status.core.testkit.AtomFixtures} write
 * answers shaped like the real APIs'; {@link org.criu.status.core.testkit.SeededRandom} runs generated-input tests
 * whose failures name their seed.
 */
package org.criu.status.core.testkit;
