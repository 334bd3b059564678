# Builds the product from source and runs it on a JRE. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q -DskipTests package
# The jar extracted (app.jar and lib/), so that the JVM can share the classes it loads from an archive
RUN java -Djarmode=tools -jar target/arrangement-governance-*.jar extract --destination /extracted --application-filename app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 governance
WORKDIR /app
COPY --from=build /extracted/ /app/
COPY src/main/jvm/jvm.options /app/jvm.options
# Class-data-sharing archive, made by this image's own JVM: a training run loads the application's classes until the
# application context is refreshed, on an in-memory database, and writes them to app.jsa (README, "Startup and
# memory"; StartupBench makes it the same way). A JVM that cannot use the archive warns and starts without it.
RUN java @/app/jvm.options -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar \
        --spring.datasource.url=jdbc:h2:mem:training --governance.demo.enabled=false
USER governance
EXPOSE 8080
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/app.jsa", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
