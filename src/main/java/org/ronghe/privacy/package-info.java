/**
 * Personal data protection: masking of phone numbers and identity numbers in views for people who are not
 * authorised to see them in full (public pages, other units). Required by the Personal Information Protection
 * Law of the PRC (个人信息保护法), art. 51 (security measures such as de-identification).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package org.ronghe.privacy;
