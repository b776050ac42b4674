# syntax=docker/dockerfile:1
# ClearSky a worker: retrieval, generation, guard, execution; actuator only over HTTP.
# Build from the repository root: docker build -f docker/worker.Dockerfile -t clearsky-worker .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl worker -am package -DskipTests
# Spring Boot's layers: dependencies change rarely, the application on every build.
RUN java -Djarmode=tools -jar $(ls worker/target/clearsky-worker-*-exec.jar | grep -v original | head -1) extract --layers --launcher \
        --destination /extracted

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 clearsky \
    && useradd --system --uid 10001 --gid clearsky --home-dir /app --no-create-home clearsky
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
ENV WORKER_HTTP_PORT=8081
# Container-aware heap; DuckDB's JNI library needs native access on JDK 24+.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC --enable-native-access=ALL-UNNAMED"
USER 10001:10001
EXPOSE 8081
HEALTHCHECK --interval=15s --timeout=3s --retries=10 \
    CMD curl -fsS http://localhost:8081/actuator/health/liveness > /dev/null || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
