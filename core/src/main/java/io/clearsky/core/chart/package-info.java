/**
 * Chart recommendations: a Chart.js configuration and a QuickChart link chosen from the shape of a
 * result.
 */
package io.clearsky.core.chart;
