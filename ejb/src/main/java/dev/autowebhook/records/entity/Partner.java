package dev.autowebhook.records.entity;

import dev.autowebhook.capture.boundary.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A customer, vendor or contact person (companies and the people working for them). */
@Entity
@Table(name = "partner")
@Tracked("res.partner")
public class Partner extends BusinessRecord {

  @NotBlank(message = "must not be blank")
  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "name", nullable = false, length = 128)
  private String name;

  /** True for a company, false for a person. */
  @Column(name = "is_company", nullable = false)
  private boolean isCompany;

  /** The company a contact person works for. */
  @ManyToOne
  @JoinColumn(name = "parent_id")
  private Partner parent;

  @Size(max = 254, message = "must be at most 254 characters")
  @Email(message = "must be a valid e-mail address")
  @Column(name = "email", length = 254)
  private String email;

  @Size(max = 32, message = "must be at most 32 characters")
  @Column(name = "phone", length = 32)
  private String phone;

  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "street", length = 128)
  private String street;

  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "city", length = 64)
  private String city;

  @Size(max = 16, message = "must be at most 16 characters")
  @Column(name = "zip", length = 16)
  private String zip;

  /** ISO 3166-1 alpha-2 country code. */
  @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE")
  @Column(name = "country_code", length = 2)
  private String countryCode;

  /** Tax identification number. */
  @Size(max = 32, message = "must be at most 32 characters")
  @Column(name = "vat", length = 32)
  private String vat;

  /** How often the partner was a customer (0 = not a customer). */
  @PositiveOrZero(message = "must not be negative")
  @Column(name = "customer_rank", nullable = false)
  private int customerRank;

  /** How often the partner was a vendor (0 = not a vendor). */
  @PositiveOrZero(message = "must not be negative")
  @Column(name = "supplier_rank", nullable = false)
  private int supplierRank;

  /** False for archived partners. */
  @Column(name = "active", nullable = false)
  private boolean active = true;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean getIsCompany() {
    return isCompany;
  }

  public void setIsCompany(boolean isCompany) {
    this.isCompany = isCompany;
  }

  public Partner getParent() {
    return parent;
  }

  public void setParent(Partner parent) {
    this.parent = parent;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = street;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getZip() {
    return zip;
  }

  public void setZip(String zip) {
    this.zip = zip;
  }

  public String getCountryCode() {
    return countryCode;
  }

  public void setCountryCode(String countryCode) {
    this.countryCode = countryCode;
  }

  public String getVat() {
    return vat;
  }

  public void setVat(String vat) {
    this.vat = vat;
  }

  public int getCustomerRank() {
    return customerRank;
  }

  public void setCustomerRank(int customerRank) {
    this.customerRank = customerRank;
  }

  public int getSupplierRank() {
    return supplierRank;
  }

  public void setSupplierRank(int supplierRank) {
    this.supplierRank = supplierRank;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
