package io.clearsky.core.chart;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Chart settings.
 *
 * @param quickchartUrl base URL of QuickChart; point it at a self-hosted instance if you run one
 * @param maxUrlLength longest QuickChart link given as a plain URL; longer configurations get a short
 * link from QuickChart's create endpoint
 * @param shortUrls whether to ask QuickChart for short links at all (needs network access to it)
 * @param shortUrlTimeout how long to wait for a short link before answering without one
 * @param maxCategories most bars or slices drawn; larger results show the top ones by value
 * @param maxPoints most points per line series; longer series are thinned for the chart only
 */
@ConfigurationProperties("clearsky.charts")
public record ChartProperties(URI quickchartUrl, Integer maxUrlLength, Boolean shortUrls, Duration shortUrlTimeout,
        Integer maxCategories, Integer maxPoints) {

    public ChartProperties {
        quickchartUrl = (quickchartUrl != null) ? quickchartUrl : URI.create("https://quickchart.io");
        maxUrlLength = (maxUrlLength != null) ? maxUrlLength : 2_000;
        shortUrls = (shortUrls != null) ? shortUrls : true;
        shortUrlTimeout = (shortUrlTimeout != null) ? shortUrlTimeout : Duration.ofSeconds(2);
        maxCategories = (maxCategories != null) ? maxCategories : 30;
        maxPoints = (maxPoints != null) ? maxPoints : 500;
    }

    public static ChartProperties defaults() {
        return new ChartProperties(null, null, null, null, null, null);
    }
}
