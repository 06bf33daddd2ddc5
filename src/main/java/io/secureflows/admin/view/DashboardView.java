package io.secureflows.admin.view;

import io.secureflows.admin.facade.DashboardFacade;
import io.secureflows.admin.facade.dto.Dashboard;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.ToLongFunction;

/**
 * The dashboard of the chosen workspace; the page polls it every few seconds. Charts are Chart.js
 * configurations rendered as JSON by PrimeFaces (no inline script of ours).
 */
@Named
@RequestScoped
public class DashboardView {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  @Inject ConsoleScope console;

  @Inject DashboardFacade dashboards;

  private Dashboard dashboard;

  public Dashboard getDashboard() {
    if (dashboard == null && console.workspace() != null) {
      dashboard = dashboards.of(console.workspace());
    }
    return dashboard;
  }

  /** API calls and server errors per minute over the last hour. */
  public String getTrafficChart() {
    return lineChart(
        "API calls",
        Dashboard.Minute::apiCalls,
        "Server errors (5xx)",
        Dashboard.Minute::serverErrors);
  }

  /** Hosted-login sign-ins and failed attempts per minute over the last hour. */
  public String getSignInChart() {
    return lineChart(
        "Sign-ins", Dashboard.Minute::signIns, "Failed sign-ins", Dashboard.Minute::failedSignIns);
  }

  private String lineChart(
      String first,
      ToLongFunction<Dashboard.Minute> firstValue,
      String second,
      ToLongFunction<Dashboard.Minute> secondValue) {
    Dashboard data = getDashboard();
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder firstSeries = Json.createArrayBuilder();
    JsonArrayBuilder secondSeries = Json.createArrayBuilder();
    if (data != null) {
      for (Dashboard.Minute minute : data.lastHour()) {
        labels.add(MINUTE.format(minute.start()));
        firstSeries.add(firstValue.applyAsLong(minute));
        secondSeries.add(secondValue.applyAsLong(minute));
      }
    }
    return Json.createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(dataset(first, firstSeries, "#2563eb"))
                        .add(dataset(second, secondSeries, "#dc2626"))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add("y", Json.createObjectBuilder().add("beginAtZero", true))))
        .build()
        .toString();
  }

  private static JsonObjectBuilder dataset(String label, JsonArrayBuilder values, String colour) {
    return Json.createObjectBuilder()
        .add("label", label)
        .add("data", values)
        .add("borderColor", colour)
        .add("backgroundColor", colour)
        .add("pointRadius", 0)
        .add("tension", 0.2);
  }
}
