package dev.autowebhook.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a String attribute encrypted with {@link SecretBox}; in memory it is plain. */
@Converter
public class EncryptedConverter implements AttributeConverter<String, String> {

  @Override
  public String convertToDatabaseColumn(String attribute) {
    return attribute == null || attribute.isEmpty() ? null : SecretBox.encrypt(attribute);
  }

  @Override
  public String convertToEntityAttribute(String dbData) {
    return SecretBox.decrypt(dbData);
  }
}
