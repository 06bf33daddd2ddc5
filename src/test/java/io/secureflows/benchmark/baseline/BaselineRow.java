package io.secureflows.benchmark.baseline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A 1 KiB JSON document by primary key, stored in the clear: what secureFlows is measured against.
 */
@Entity
@Table(name = "benchmark_row")
public class BaselineRow {
  @Id private long id;

  @Column(nullable = false)
  private String body;

  protected BaselineRow() {}

  String body() {
    return body;
  }

  void replaceBody(String body) {
    this.body = body;
  }
}
