package dev.autowebhook.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A person who administers or watches the system; the password is stored as a PBKDF2 hash. */
@Entity
@Table(name = "aw_user")
@NamedQuery(name = "AppUser.byName", query = "SELECT u FROM AppUser u WHERE u.username = :name")
public class AppUser {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aw_seq")
  @SequenceGenerator(name = "aw_seq", sequenceName = "aw_seq", allocationSize = 1000)
  private Long id;

  private String username;

  @Column(name = "password_hash")
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  private Role role;

  private boolean enabled = true;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  protected AppUser() {}

  public AppUser(String username, String passwordHash, Role role, OffsetDateTime createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
