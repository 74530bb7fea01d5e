package dev.autowebhook.setup.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named value the application keeps for itself (e.g. the first-start marker). */
@Entity
@Table(name = "aw_setting")
public class Setting {

  @Id private String name;

  @Column(name = "setting_value")
  private String value;

  protected Setting() {}

  public Setting(String name, String value) {
    this.name = name;
    this.value = value;
  }

  public String getName() {
    return name;
  }

  public String getValue() {
    return value;
  }
}
