package dev.autowebhook.records.entity;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/**
 * Base of the lines owned by a business record (order lines, invoice lines). Lines are written
 * through their parent and appear inside the parent's snapshot as an array.
 */
@MappedSuperclass
public abstract class RecordLine {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "line_seq")
  @SequenceGenerator(name = "line_seq", sequenceName = "line_seq", allocationSize = 1000)
  private Long id;

  public Long getId() {
    return id;
  }
}
