package dev.autowebhook.capture.entity;

import java.util.Map;

/**
 * Implemented by tracked entities that keep the snapshot taken when they were loaded (or last
 * written), so that an update event can carry old values next to new ones.
 */
public interface CapturedState {

  Map<String, Object> capturedState();

  void capturedState(Map<String, Object> state);
}
