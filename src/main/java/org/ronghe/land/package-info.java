/**
 * The land transfer service platform (土地流转服务平台). This first part is the registry: collectives (发包方),
 * contracting households (承包方) with their contracts, and parcels (地块), imported from the 确权 data layout; codes
 * and identity numbers are checked by their standards, identity numbers are stored encrypted and shown masked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Land")
package org.ronghe.land;
