package io.clearsky.gateway.docs;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves ReDoc at {@code /redoc} from the bundled webjar, so the page works with no internet access.
 */
@RestController
@Hidden
public class RedocController {

    private static final String BUNDLE = "META-INF/resources/webjars/redoc/*/bundles/redoc.standalone.js";

    private final String page;

    RedocController() {
        this.page = """
                <!DOCTYPE html>
                <html>
                <head>
                  <title>ClearSky API</title>
                  <meta charset="utf-8"/>
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                </head>
                <body>
                  <redoc spec-url="/openapi.json"></redoc>
                  <script src="%s"></script>
                </body>
                </html>
                """.formatted(bundlePath());
    }

    @GetMapping(path = "/redoc", produces = MediaType.TEXT_HTML_VALUE)
    public String redoc() {
        return this.page;
    }

    /** The bundle's URL path, e.g. {@code /webjars/redoc/2.1.4/bundles/redoc.standalone.js}. */
    private static String bundlePath() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + BUNDLE);
            if (found.length == 0) {
                throw new IllegalStateException("The ReDoc webjar is missing from the classpath");
            }
            String url = found[0].getURL().toString();
            return url.substring(url.indexOf("/webjars/"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
