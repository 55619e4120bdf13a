# Multi-stage build: Maven builds the fat jar, a JRE 17 image runs it as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system mediatafel && useradd --system --gid mediatafel --home /app mediatafel
WORKDIR /app
COPY --from=build /src/target/mediatafel-*.jar /app/mediatafel.jar
USER mediatafel
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/mediatafel.jar"]
