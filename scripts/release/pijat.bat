@echo off
rem Opens pijat in a console window of at least 80 columns and 24 rows (pijat needs 80x24).
rem Double-click this file, or run it in a console with pijat's options: pijat.bat --lang en
title pijat
mode con: cols=100 lines=30 >nul 2>&1
"%~dp0pijat.exe" %*
rem Keep a message on the screen when pijat stopped with one.
if errorlevel 1 pause
