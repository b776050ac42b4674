/**
 * The ClearSky worker: consumes questions and answers them through the stage pipeline.
 */
package io.clearsky.worker;
