# Shared by bin/clearsky and .ci/run: find a JDK >= 21 and export JAVA_HOME.

java_major() {
    "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1") ? v[2] : v[1]; exit }'
}

find_jdk() {
    local candidate
    for candidate in "${JAVA_HOME:-}" $(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")") /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        local major
        major=$(java_major "$candidate/bin/java")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    echo "ClearSky needs a JDK 21 or newer (java and javac). None was found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
    echo "Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
}

# Builds the project when $1 (a jar it produces) is missing or older than any pom or main source.
build_if_stale() {
    local jar="$1"
    if [ ! -f "$jar" ] || [ -n "$(find "$root" -path "$root/*/target" -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$jar" -print -quit)" ]; then
        echo "Building ClearSky (first run or changed sources)..."
        (cd "$root" && ./mvnw -q -B -DskipTests install)
    fi
}
