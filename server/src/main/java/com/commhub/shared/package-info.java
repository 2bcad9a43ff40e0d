/**
 * Types every module may use: errors that carry a message code, small value types. No business beans.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.commhub.shared;
